/** One channel's record of a person, following that channel's habits (person-habits.ts). */
import type { GenderStyle, PersonHabits } from './channels';
import { formatDate, mistypeDate } from './dates';
import { OLD_VALUE_RATE } from './hard-cases';
import { mistypeResidentId, type Gender } from './identifiers';
import { honorificName, pinyinName, pinyinParts } from './names';
import { PERSON_HABITS } from './person-habits';
import type { Person } from './persons';
import { PLACEHOLDER_MOBILE, formatLandline, formatMobile } from './phones';
import { RecordDraft, type GeneratedRecord, type RenderContext } from './record-draft';
import { keyTypo } from './typos';

export function renderPerson(ctx: RenderContext, person: Person): GeneratedRecord {
  const habits = PERSON_HABITS[ctx.channel];
  const draft = new RecordDraft(ctx, 'person', habits);
  // Records from before a change of phone or address carry the old values.
  const before = ctx.rng.chance(OLD_VALUE_RATE);
  setName(draft, person, habits);
  setPhones(draft, person, habits, before);
  setEmail(draft, person, habits);
  setIdentity(draft, person, habits);
  const address = before && person.oldAddress !== undefined ? person.oldAddress : person.address;
  if (ctx.rng.chance(habits.address)) {
    draft.setAddress(address, habits);
    if (address === person.oldAddress) draft.tags.add('old_address');
  }
  // Every channel keeps some way to reach or identify the customer: fall back to the mobile.
  const { record } = draft;
  if (!record.phones && !record.emails && !record.idNumber) {
    draft.addPhone(formatMobile(person.mobile, ctx.rng.weighted(habits.mobileFormats)));
  }
  return draft.finish(person.entityId, person.hardCases);
}

function setName(draft: RecordDraft, person: Person, habits: PersonHabits): void {
  const { rng } = draft.ctx;
  const { record } = draft;
  const style = rng.weighted(habits.nameStyles);
  switch (style) {
    case 'full':
      // Typos hit the given name: the surname is said and heard more reliably.
      record.name = draft.han(person.surname + person.given, habits.typo, person.surname.length);
      return;
    case 'split':
      record.familyName = draft.script(person.surname);
      record.givenName = draft.han(person.given, habits.typo);
      return;
    case 'pinyin':
      record.name = pinyinName(person.surname, person.given, rng.weighted(habits.pinyinStyles));
      draft.tags.add('pinyin_name');
      return;
    case 'pinyinSplit': {
      const parts = pinyinParts(person.surname, person.given);
      record.familyName = parts.family;
      record.givenName = parts.given;
      draft.tags.add('pinyin_name');
      return;
    }
    case 'honorific':
      record.name = draft.script(
        honorificName(rng, person.surname, person.gender, person.birth.year),
      );
      draft.tags.add('honorific_name');
      return;
    case 'none':
      return;
  }
}

function setPhones(
  draft: RecordDraft,
  person: Person,
  habits: PersonHabits,
  before: boolean,
): void {
  const { rng } = draft.ctx;
  if (rng.chance(habits.mobile)) {
    if (rng.chance(habits.placeholderPhone)) {
      draft.addPhone(PLACEHOLDER_MOBILE);
      draft.tags.add('placeholder_phone');
    } else {
      const old = before && person.oldMobile !== undefined;
      if (old) draft.tags.add('old_phone');
      const mobile = draft.typo(
        old ? (person.oldMobile as string) : person.mobile,
        habits.typo,
        (s) => keyTypo(rng, s, 'digits'),
      );
      draft.addPhone(formatMobile(mobile, rng.weighted(habits.mobileFormats)));
    }
  }
  if (person.landline !== undefined && rng.chance(habits.landline)) {
    draft.addPhone(formatLandline(person.landline, rng.weighted(habits.landlineFormats)));
  }
}

function setEmail(draft: RecordDraft, person: Person, habits: PersonHabits): void {
  const { rng } = draft.ctx;
  if (person.email === undefined || !rng.chance(habits.email)) return;
  const email = draft.typo(person.email, habits.typo, (s) => keyTypo(rng, s, 'letters'));
  draft.record.emails = [rng.chance(0.05) ? email.toUpperCase() : email];
}

function setIdentity(draft: RecordDraft, person: Person, habits: PersonHabits): void {
  const { rng } = draft.ctx;
  const { record } = draft;
  if (rng.chance(habits.id)) {
    const mistyped = rng.chance(habits.idMistyped);
    const id = mistyped ? mistypeResidentId(rng, person.residentId) : person.residentId;
    record.idNumber = rng.chance(0.1) ? id.toLowerCase() : id;
    if (habits.idType !== undefined) record.idType = habits.idType;
    draft.idValidity = mistyped ? 'mistyped' : 'valid';
    if (mistyped) draft.tags.add('mistyped_id');
  }
  if (rng.chance(habits.birthDate)) {
    const date = rng.chance(habits.typo) ? mistypeDate(rng, person.birth) : person.birth;
    if (date !== person.birth) draft.tags.add('typo');
    record.birthDate = formatDate(date, rng.weighted(habits.dateFormats));
  }
  if (rng.chance(habits.gender)) record.gender = genderText(person.gender, habits.genderStyle);
}

function genderText(gender: Gender, style: GenderStyle): string {
  switch (style) {
    case 'MF':
      return gender;
    case 'zh':
      return gender === 'M' ? '男' : '女';
    case 'word':
      return gender === 'M' ? 'male' : 'female';
  }
}
