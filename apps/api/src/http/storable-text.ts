import { z } from 'zod';

// PostgreSQL's jsonb refuses \u0000 (and unpaired surrogates), so such text would reach the workflow, fail its
// append on every retry and leave the case stuck: it is refused here, with the other C0 controls but tab, CR
// and newline, which no person types.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

/** Text a person writes: no control characters, no unpaired surrogates. */
export const storableText = (schema: z.ZodString) => schema.refine(isStorableText, { message: 'control characters or unpaired surrogates' });
