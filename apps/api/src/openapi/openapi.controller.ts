// GET /openapi.json (the document) and GET /docs (the same, to read). Public: they describe, they reveal nothing.
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@baoho/http';
import { renderDocsPage } from './docs-page';
import { buildOpenApiDocument } from './openapi-document';

@Public()
@Controller()
export class OpenApiController {
  private readonly json = JSON.stringify(buildOpenApiDocument(), null, 2);
  private readonly html = renderDocsPage(buildOpenApiDocument());

  @Get('openapi.json')
  document(@Res() response: Response): void {
    response.type('application/json').send(this.json);
  }

  @Get('docs')
  page(@Res() response: Response): void {
    response
      .type('text/html')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(this.html);
  }
}
