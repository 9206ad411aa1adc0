import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The page size of a list query: optional, a whole number from 1 to `maximum` (query strings arrive
 * as text). The property's initializer must repeat `defaultLimit`, which this only documents.
 */
export function PageLimit(defaultLimit: number, maximum: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: defaultLimit, maximum }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(maximum),
  );
}

/** The cursor of a list query: the previous page's nextCursor, as issued (opaque, bounded). */
export function PageCursor(description = 'nextCursor of the previous page'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    IsString(),
    MaxLength(200),
  );
}
