import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

export function Forbidden({ text }: { text?: string }) {
  return (
    <Result
      status="403"
      title="Нет доступа"
      subTitle={text ?? 'Эта страница недоступна для вашей роли или территории.'}
      extra={<Link to="/"><Button type="primary">На главную</Button></Link>}
    />
  );
}

export function NotFound() {
  return (
    <Result status="404" title="Страница не найдена" subTitle="Проверьте адрес или вернитесь на главную."
      extra={<Link to="/"><Button type="primary">На главную</Button></Link>} />
  );
}
