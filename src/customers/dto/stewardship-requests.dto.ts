import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { PageCursor, PageLimit } from '../../common/page-query';

export class MergeCustomersDto {
  @ApiProperty({ description: 'The other customer number; the older of the two survives' })
  @IsString()
  @Length(1, 32)
  other!: string;

  @ApiPropertyOptional({ description: 'Why (kept in history)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SourceRecordKeyDto {
  @ApiProperty() @IsString() @Length(1, 64) source!: string;
  @ApiProperty() @IsString() @Length(1, 256) sourceId!: string;
}

export class SplitCustomerDto {
  @ApiProperty({ type: [SourceRecordKeyDto], description: 'The source records to move off' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SourceRecordKeyDto)
  sourceRecords!: SourceRecordKeyDto[];

  @ApiPropertyOptional({ description: 'Why (kept in history)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** A pinned value: a string, number, boolean or small object (not null), at most 2,000 characters as JSON. */
@ValidatorConstraint({ name: 'isPinValue' })
class IsPinValueConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === null || value === undefined) return false;
    if (!['string', 'number', 'boolean', 'object'].includes(typeof value)) return false;
    if (typeof value === 'string' && value.trim() === '') return false;
    return JSON.stringify(value).length <= 2000;
  }

  defaultMessage(): string {
    return 'value must be a non-empty string, a number, a boolean or an object of at most 2000 characters';
  }
}

export class PinAttributeDto {
  @ApiProperty({
    description: 'The value survivorship keeps until unpinned',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }],
  })
  @IsDefined()
  @Validate(IsPinValueConstraint)
  value!: unknown;

  @ApiProperty({ description: 'Why the steward pins it (kept in history)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class UnpinAttributeDto {
  @ApiPropertyOptional({ description: 'Why (kept in history)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class HistoryQueryDto {
  @PageCursor()
  cursor?: string;

  @PageLimit(50, 200)
  limit = 50;
}
