import { z } from 'zod';
import { storableText } from '../http/storable-text';

/** Why the caller must read a case outside their scope: required, recorded in the read audit (never published). */
export const breakGlassBodySchema = z.strictObject({ reason: storableText(z.string().trim().min(10).max(2_000)) });
