import {
  type ArgumentMetadata,
  type Type,
  ValidationPipe,
  type ValidationPipeOptions,
  type ValidationError,
} from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error';

/**
 * For one body DTO: the DTO when the body surely passes its validation, else undefined (then
 * class-validator judges it and its errors are reported). See wellFormedResolveRequest.
 */
export type WellFormedCheck = (body: unknown) => object | undefined;

/** The validation pipe, skipping class-validator for bodies a DTO's WellFormedCheck accepts. */
class ValidationPipeWithShortcuts extends ValidationPipe {
  constructor(
    options: ValidationPipeOptions,
    private readonly shortcuts: ReadonlyMap<Type, WellFormedCheck>,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const check =
      metadata.type === 'body' ? this.shortcuts.get(metadata.metatype as Type) : undefined;
    return check?.(value) ?? (await super.transform(value, metadata));
  }
}

/** Whitelisting, unknown fields rejected, each bad field listed with a stable code. */
export function createValidationPipe(
  shortcuts: ReadonlyMap<Type, WellFormedCheck> = new Map(),
): ValidationPipe {
  return new ValidationPipeWithShortcuts(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        new DomainError(
          'VALIDATION_FAILED',
          'The request has invalid fields.',
          flattenValidationErrors(errors),
        ),
    },
    shortcuts,
  );
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraintCode(constraint),
      message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function fieldPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/** class-validator constraint names → SCREAMING_SNAKE codes (`isString` → `IS_STRING`). */
function constraintCode(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'UNKNOWN_FIELD';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
