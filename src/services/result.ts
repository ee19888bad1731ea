// Expected failures are values: a code for tests and logs, a message fit for the person.
export interface UserError {
  code: string;
  message: string;
  example?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string, example?: string): Outcome<T> => ({
  ok: false,
  error: { code, message, example },
});
