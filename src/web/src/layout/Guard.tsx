import type { ReactNode } from 'react';
import { useCaller } from '../auth/CallerContext';
import { canOpen, type PageKey } from '../lib/access';
import { Forbidden } from '../components/Forbidden';

export function Guard({ page, children }: { page: PageKey; children: ReactNode }) {
  const caller = useCaller();
  if (!canOpen(caller, page)) {
    const welcome = page === 'overview' && !caller.roles.some((r) => r !== 'TEACHER' && r !== 'MENTOR');
    return <Forbidden text={welcome ? 'Рабочее место координатора недоступно для вашей роли.' : undefined} />;
  }
  return <>{children}</>;
}
