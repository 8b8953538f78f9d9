import { Alert } from 'antd';
import type { CombinedError } from 'urql';
import { toUserError } from '../lib/errors';

export function ErrorAlert({ error }: { error: CombinedError | null | undefined }) {
  const userError = toUserError(error);
  if (!userError) return null;
  return <Alert type="error" showIcon role="alert" message={userError.title} description={userError.detail} />;
}
