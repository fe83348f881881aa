import { applyDecorators, createParamDecorator, ExecutionContext, HttpCode, RequestMapping, RequestMethod, SetMetadata, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { BodyOf, ParamsOf, QueryOf, RouteDef } from '@xieshang/contracts';

export const ROUTE_DEF = 'xieshang:route';

const METHODS: Record<RouteDef['method'], RequestMethod> = {
  GET: RequestMethod.GET,
  POST: RequestMethod.POST,
  PATCH: RequestMethod.PATCH,
  PUT: RequestMethod.PUT,
  DELETE: RequestMethod.DELETE,
};

/**
 * Bind a handler to a route from libs/contracts. The global RouteGuard then authenticates,
 * authorizes (route.access) and validates params, query and body with the route's schemas,
 * so a handler cannot exist without an access rule or skip validation.
 */
export function Route(def: RouteDef) {
  const decorators = [
    RequestMapping({ path: def.path, method: METHODS[def.method] }),
    SetMetadata(ROUTE_DEF, def),
    // Nest answers POST with 201 by default; our POSTs are commands, not always creations.
    HttpCode(200),
  ];
  if (def.upload) {
    // Browsers send multipart file names as UTF-8 (协商方案.pdf); multer's default is latin1.
    decorators.push(UseInterceptors(FileInterceptor('file', { limits: { fileSize: def.upload.maxBytes, files: 1, fields: 10 }, defParamCharset: 'utf8' })));
  }
  return applyDecorators(...decorators);
}

export interface ParsedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** What a handler receives: the parsed (defaults applied, strings trimmed) inputs of its route. */
export type In<R extends RouteDef> = { params: ParamsOf<R>; query: QueryOf<R>; body: BodyOf<R> };

export const Input = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<{ parsed?: ParsedInput }>();
  return req.parsed ?? { params: {}, query: {}, body: {} };
});
