import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error';
import { ApiKeysService } from './api-keys.service';
import { type AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { type Role, roleSatisfies } from './roles';

/** Global guard: 401 without a valid key, 403 when the key lacks the route's role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.apiKeys.authenticate(extractKey(request));
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(
      REQUIRED_ROLES,
      targets,
    ) ?? ['admin'];
    if (!roleSatisfies(principal.role, required)) {
      throw new DomainError(
        'ROLE_REQUIRED',
        `This operation needs one of the roles: ${required.join(', ')}.`,
      );
    }
    return true;
  }
}

function extractKey(request: AuthenticatedRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header.trim();
  const authorization = request.headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return undefined;
}
