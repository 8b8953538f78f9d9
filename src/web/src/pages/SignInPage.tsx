import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { SignInError, useAuth } from '../auth/AuthContext';
import { safeReturnPath } from '../lib/session';

export default function SignInPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      navigate(safeReturnPath(params.get('next')), { replace: true });
    } catch (e) {
      setError(e instanceof SignInError ? e.message : 'Не удалось войти');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-page">
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} className="page-title">Опора — вход</Typography.Title>
        {params.get('next') && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="Войдите, чтобы продолжить работу" />}
        {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={error} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="Имя пользователя" name="username" rules={[{ required: true, message: 'Введите имя пользователя' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Пароль" name="password" rules={[{ required: true, message: 'Введите пароль' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>Войти</Button>
        </Form>
      </Card>
    </div>
  );
}
