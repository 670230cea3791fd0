import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ok } from '../../../shared/index.js';
import type { UserRecord } from '../storage/types.js';
import { badRequest, issuesOf } from '../errors.js';
import type { IssueDto } from '../errors.js';

declare global {
  namespace Express {
    interface Locals {
      /** Set by requireSession. */
      user?: UserRecord;
    }
  }
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Input<B, P> {
  body: Parsed<B>;
  params: Parsed<P>;
  req: Request;
  res: Response;
}

/**
 * validate(schema) → handler → `{ ok: true, data }`, as one typed step.
 * Body and params are parsed with zod (unknown fields stripped); all issues of
 * both are reported together as `bad_request`. Errors thrown by the handler go
 * to the error handler registered last.
 */
export function handle<T, B extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  spec: { body?: B; params?: P; status?: number },
  fn: (input: Input<B, P>) => Promise<T> | T,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const issues: IssueDto[] = [];
      const body = parsePart(spec.body, req.body, 'body', issues);
      const params = parsePart(spec.params, req.params, 'params', issues);
      if (issues.length > 0) throw badRequest(issues);
      const data = await fn({ body: body as Parsed<B>, params: params as Parsed<P>, req, res });
      res.status(spec.status ?? 200).json(ok(data));
    } catch (err) {
      next(err);
    }
  };
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string, issues: IssueDto[]): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  issues.push(...issuesOf(r.error, where));
  return undefined;
}

export function currentUser(res: Response): UserRecord {
  const user = res.locals.user;
  // requireSession runs before every handler that calls this; reaching here without it is a wiring bug.
  if (!user) throw new Error('currentUser used on a route without requireSession');
  return user;
}
