import { App } from 'antd';
import { toUserError, type CombinedErrorLike } from './errors';

/** What a mutation call resolves to (urql's OperationResult, as far as a page needs it). */
export type ActionResult = { error?: CombinedErrorLike | null };

/**
 * Runs a mutation from a page: on an API error shows its Russian explanation and resolves false; on success shows
 * `done` and calls `after` (close the dialog, reset the form, reload the page's data) and resolves true.
 */
export function useAction(after: () => void) {
  const { message } = App.useApp();
  return async (action: () => Promise<ActionResult>, done: string): Promise<boolean> => {
    const result = await action();
    if (result.error) {
      const e = toUserError(result.error);
      message.error(e?.detail ?? e?.title);
      return false;
    }
    message.success(done);
    after();
    return true;
  };
}
