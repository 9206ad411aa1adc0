import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';

/** Copied beside the compiled controller by nest-cli.json (dist/src/console/public). */
const PUBLIC_DIR = join(__dirname, 'public');
const ASSET = /^[a-z][a-z0-9-]*\.(js|css)$/;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** Everything from this origin only: no inline script, no external fonts, scripts or styles. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The steward console's static files. Public, because a browser cannot send the API key with a
 * page load; the page holds no data, and every API call it makes carries the steward's key.
 */
@ApiExcludeController()
@Public()
@Controller('console')
export class ConsoleController {
  @Get()
  @Header('Content-Security-Policy', CSP)
  async index(@Res() response: Response): Promise<void> {
    await send(response, 'index.html', 'text/html; charset=utf-8');
  }

  @Get(':file')
  async asset(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const match = ASSET.exec(file);
    if (match === null) throw new DomainError('ROUTE_NOT_FOUND', 'No such console file.');
    await send(response, file, TYPES[match[1]]);
  }
}

async function send(response: Response, file: string, type: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(join(PUBLIC_DIR, file));
  } catch {
    throw new DomainError('ROUTE_NOT_FOUND', 'No such console file.');
  }
  response
    .status(200)
    .type(type)
    .set({
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    })
    .send(body);
}
