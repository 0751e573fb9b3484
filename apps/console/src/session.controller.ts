// Sign-in help for the front end. `GET /console/config` says whether the development sign-in is on;
// `POST /console/dev-sign-in` (only when CONSOLE_DEV_SIGN_IN=true, which `npm start` sets) signs a token for a
// chosen user, role and missions with the local development key. The front end keeps the token in
// sessionStorage (apps/console/web/identity.ts), never in a URL.
import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import type { ConsoleConfig } from '@baoho/config';
import { TOKEN_ROLES } from '@baoho/domain';
import { HttpProblem } from '@baoho/http';
import { signDevToken } from './dev-token-signer';

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');

const signInSchema = z.strictObject({
  userId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/),
  role: z.enum(TOKEN_ROLES),
  missions: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).min(1).max(20),
});

export interface DevCredentials {
  readonly token: string;
}

@Controller('console')
export class SessionController {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig['console']) {}

  @Get('config')
  settings(): { devSignIn: boolean } {
    return { devSignIn: this.config.devSignIn !== null };
  }

  @Post('dev-sign-in')
  @HttpCode(200)
  async devSignIn(@Req() request: Request): Promise<DevCredentials> {
    const signing = this.config.devSignIn;
    if (!signing) throw new HttpProblem(404, 'NOT_FOUND', 'Not found', 'the development sign-in is off');
    const parsed = signInSchema.safeParse(await readJson(request));
    if (!parsed.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', 'the body does not match its schema', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })),
      });
    }
    return { token: signDevToken(signing, parsed.data) };
  }
}

/** The console runs without a body parser (it forwards /v1 bodies raw), so this one small body is read here. */
async function readJson(request: Request): Promise<unknown> {
  let text = '';
  for await (const chunk of request) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > 4_096) throw new HttpProblem(413, 'BODY_TOO_LARGE', 'Body too large', 'at most 4 KiB');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'INVALID_JSON', 'Invalid JSON', 'the body is not JSON');
  }
}
