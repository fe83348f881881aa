import { z } from 'zod';
import { ALL_ROUTES, ERROR_REGISTRY, RouteDef } from '@xieshang/contracts';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function parametersOf(def: RouteDef): Json[] {
  const out: Json[] = [];
  for (const where of ['params', 'query'] as const) {
    const s = def[where];
    if (!s) continue;
    const js = schemaOf(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where === 'params' ? 'path' : 'query', required: where === 'params' || (js.required ?? []).includes(name), schema });
    }
  }
  return out;
}

/** The OpenAPI 3.1 document, generated from the same route registry and zod schemas the api enforces. */
export function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const [id, def] of Object.entries(ALL_ROUTES)) {
    const path = '/api' + def.path.replace(/:(\w+)/g, '{$1}');
    const op: Json = {
      operationId: id,
      tags: [def.tag],
      summary: def.summary,
      'x-access': def.access,
      parameters: parametersOf(def),
      responses: {
        200: def.produces
          ? { description: 'file', content: { [def.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'OK', content: { 'application/json': { schema: def.response ? schemaOf(def.response, 'output') : {} } } },
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (def.access !== 'public') op.security = [{ session: [] }];
    if (def.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(def.body, 'input') } } };
    if (def.upload) {
      op.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } },
      };
    }
    paths[path] = { ...(paths[path] ?? {}), [def.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Xieshang API', version, description: 'Consultative assemblies: topics, plans, meetings, live sessions, documents, outcomes.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xs_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { enum: Object.keys(ERROR_REGISTRY) }, message: { type: 'string' }, params: { type: 'object' }, details: {}, requestId: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}
