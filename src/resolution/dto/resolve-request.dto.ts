import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  STRUCTURED_ADDRESS_FIELDS,
  type CustomerKind,
  type CustomerRecordInput,
  type StructuredAddress,
} from '../../normalize/customer-record';

const KINDS = ['person', 'organization'] as const;
const SOURCE_PATTERN_MESSAGE = 'source must be 1-64 characters';

export class StructuredAddressDto implements StructuredAddress {
  @IsOptional() @IsString() @MaxLength(200) line1?: string;
  @IsOptional() @IsString() @MaxLength(200) line2?: string;
  @IsOptional() @IsString() @MaxLength(100) district?: string;
  @IsOptional() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @IsString() @MaxLength(100) province?: string;
  @IsOptional() @IsString() @MaxLength(20) postcode?: string;
  @IsOptional() @IsString() @MaxLength(60) country?: string;
}

const ADDRESS_KEYS: readonly string[] = STRUCTURED_ADDRESS_FIELDS;

/** `address` is free text or a structured object. */
@ValidatorConstraint({ name: 'isAddress' })
class IsAddressConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value === 'string') return value.length <= 500;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(value).every(
      ([key, part]) =>
        ADDRESS_KEYS.includes(key) &&
        (part === undefined || (typeof part === 'string' && part.length <= 200)),
    );
  }

  defaultMessage(): string {
    return `address must be text of at most 500 characters or an object with string fields ${ADDRESS_KEYS.join(', ')} (at most 200 characters each)`;
  }
}

export class ResolveRequestDto implements CustomerRecordInput {
  @ApiProperty({ example: 'crm', description: 'Source system code' })
  @IsString()
  @Length(1, 64, { message: SOURCE_PATTERN_MESSAGE })
  source!: string;

  @ApiProperty({ example: 'C-000123', description: "The record's id in its source system" })
  @IsString()
  @Length(1, 256)
  sourceId!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: CustomerKind;

  @ApiPropertyOptional({ example: '张伟' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) givenName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) familyName?: string;

  @ApiPropertyOptional({ type: [String], example: ['+86 138 1234 5678'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ description: 'A single phone; merged into phones' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ description: 'A single e-mail; merged into emails' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '110101198503021234' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  idNumber?: string;
  @ApiPropertyOptional({ example: 'cn_resident' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  idType?: string;
  @ApiPropertyOptional({ example: '1985-03-02' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  birthDate?: string;
  @ApiPropertyOptional({ example: '男' }) @IsOptional() @IsString() @MaxLength(20) gender?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/StructuredAddressDto' }],
  })
  @IsOptional()
  @Validate(IsAddressConstraint)
  address?: string | StructuredAddressDto;

  @ApiPropertyOptional({ description: 'Kept verbatim with the source record', type: Object })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

/** The record in the engine's shape: single phone/email folded into the arrays. */
export function toRecordInput(dto: ResolveRequestDto): CustomerRecordInput {
  const { phone, email, ...rest } = dto;
  const record: CustomerRecordInput = { ...rest };
  if (phone !== undefined) record.phones = [...(dto.phones ?? []), phone];
  if (email !== undefined) record.emails = [...(dto.emails ?? []), email];
  if (typeof dto.address === 'object') record.address = { ...dto.address };
  for (const key of Object.keys(record) as (keyof CustomerRecordInput)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}
