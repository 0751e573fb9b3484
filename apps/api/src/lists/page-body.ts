// A list page serialised once, for every later answer: JSON text with holes for the few values that move with the
// clock alone (how long a case has been stuck, a reason's moving `since`). Rendering at an instant fills the holes;
// a body without holes is one Buffer, rendered as it is (its ETag computed once). The uncached answer is rendered
// from the same body, so a cached answer and a fresh one are the same bytes at the same instant.
import { createHash } from 'node:crypto';

type Hole =
  /** now − base, a JSON number (ms). */
  | { readonly kind: 'elapsed'; readonly base: number }
  /** now + offset as an ISO instant, a JSON string. */
  | { readonly kind: 'instant'; readonly offset: number };

/** Express's own weak ETag (the `etag` package: length and SHA-1 of the body), so a 304 works across both paths. */
export const weakEtag = (body: Buffer): string =>
  `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').substring(0, 27)}"`;

export class PageBody {
  private constructor(
    private readonly parts: readonly string[],
    private readonly holes: readonly Hole[],
    /** The whole body when it has no holes. */
    private readonly fixed: { readonly bytes: Buffer; readonly etag: string } | null,
  ) {}

  static json(value: unknown): PageBody {
    return new PageBodyWriter().raw(JSON.stringify(value)).done();
  }

  static writer(): PageBodyWriter {
    return new PageBodyWriter();
  }

  /** @internal */
  static of(parts: readonly string[], holes: readonly Hole[]): PageBody {
    if (holes.length > 0) return new PageBody(parts, holes, null);
    const bytes = Buffer.from(parts[0]!, 'utf8');
    return new PageBody(parts, holes, { bytes, etag: weakEtag(bytes) });
  }

  /** Bytes held (an estimate for a text with holes), for the cache's bound. */
  get size(): number {
    return this.fixed ? this.fixed.bytes.length : this.parts.reduce((n, part) => n + part.length, 0) + this.holes.length * 24;
  }

  render(now: number): { readonly bytes: Buffer; readonly etag: string } {
    if (this.fixed) return this.fixed;
    let text = this.parts[0]!;
    for (let i = 0; i < this.holes.length; i++) {
      const hole = this.holes[i]!;
      text += (hole.kind === 'elapsed' ? String(now - hole.base) : `"${new Date(now + hole.offset).toISOString()}"`) + this.parts[i + 1]!;
    }
    const bytes = Buffer.from(text, 'utf8');
    return { bytes, etag: weakEtag(bytes) };
  }
}

/** Appends JSON text and holes, in order. */
export class PageBodyWriter {
  private readonly parts: string[] = [''];
  private readonly holes: Hole[] = [];

  /** Text that is already JSON. */
  raw(text: string): this {
    this.parts[this.parts.length - 1] += text;
    return this;
  }

  /** A JSON value. */
  value(value: unknown): this {
    return this.raw(JSON.stringify(value));
  }

  elapsedSince(base: number): this {
    this.holes.push({ kind: 'elapsed', base });
    this.parts.push('');
    return this;
  }

  instantFromNow(offset: number): this {
    this.holes.push({ kind: 'instant', offset });
    this.parts.push('');
    return this;
  }

  done(): PageBody {
    return PageBody.of(this.parts, this.holes);
  }
}

/**
 * A page as a cache may keep it: its body, the instant it was computed at, and the first instant its answer may
 * differ with no write at all (the clock reaching a due time or a stuck time); Infinity when only a write changes it.
 */
export interface ListPage {
  readonly body: PageBody;
  readonly computedAt: number;
  readonly expiresAt: number;
}
