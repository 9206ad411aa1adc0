/**
 * Person entities (the ground truth): singles, households, twins and namesakes in one city, with
 * old phones and old addresses for some. Drawn group by group so related people stay together.
 */
import { drawPostalAddress, type PostalAddress } from './addresses';
import { drawBirthDate } from './dates';
import {
  PERSON_GROUP_SHARES,
  PERSON_GROUP_SIZES,
  PERSON_TRAIT_RATES,
  type PersonHardCase,
} from './hard-cases';
import type { BirthDate, Gender, IdentifierRegistry } from './identifiers';
import { COMMON_FULL_NAMES, drawGivenName, drawSiblingGivenName } from './names';
import type { Landline, PhoneRegistry } from './phones';
import type { Place } from './places';
import type { Rng } from './prng';
import type { ReferenceData } from './reference-data';
import { personEmail, type EmailRegistry } from './emails';

export interface Person {
  entityId: string;
  surname: string;
  given: string;
  gender: Gender;
  birth: BirthDate;
  residentId: string;
  mobile: string;
  oldMobile?: string;
  landline?: Landline;
  email?: string;
  address: PostalAddress;
  oldAddress?: PostalAddress;
  hardCases: PersonHardCase[];
}

export interface Registries {
  ids: IdentifierRegistry;
  phones: PhoneRegistry;
  emails: EmailRegistry;
}

type GroupKind = keyof typeof PERSON_GROUP_SHARES | 'single';

/** Group draw weights: share of people divided by group size, singles take the rest. */
const GROUP_WEIGHTS: Record<GroupKind, number> = {
  household: PERSON_GROUP_SHARES.household / PERSON_GROUP_SIZES.household,
  twin: PERSON_GROUP_SHARES.twin / PERSON_GROUP_SIZES.twin,
  common_name: PERSON_GROUP_SHARES.common_name / PERSON_GROUP_SIZES.common_name,
  single:
    1 - PERSON_GROUP_SHARES.household - PERSON_GROUP_SHARES.twin - PERSON_GROUP_SHARES.common_name,
};

interface Draft {
  surname: string;
  given: string;
  gender: Gender;
  birth: BirthDate;
  address: PostalAddress;
  landline?: Landline;
  /** Where the ID was issued, when fixed by the group (twins); otherwise drawn per person. */
  birthArea?: string;
  hardCases: PersonHardCase[];
}

export class PersonFactory {
  private count = 0;

  constructor(
    private readonly rng: Rng,
    private readonly ref: ReferenceData,
    private readonly registries: Registries,
  ) {}

  /** The next group of people, at most `limit` of them. */
  nextGroup(limit: number): Person[] {
    const kind = this.rng.weighted(GROUP_WEIGHTS);
    const drafts = this.drafts(kind).slice(0, Math.max(1, limit));
    return drafts.map((draft) => this.complete(draft));
  }

  private drafts(kind: GroupKind): Draft[] {
    switch (kind) {
      case 'household':
        return this.household();
      case 'twin':
        return this.twins();
      case 'common_name':
        return this.namesakes();
      case 'single':
        return [this.single()];
    }
  }

  private place(): Place {
    const { rng, ref } = this;
    return rng.chance(0.4) ? rng.pick(ref.bigCityPlaces) : rng.pick(ref.places);
  }

  private single(): Draft {
    const { rng, ref } = this;
    const gender: Gender = rng.chance(0.5) ? 'M' : 'F';
    const place = this.place();
    return {
      surname: ref.surnames.sample(rng),
      given: drawGivenName(rng, ref, gender),
      gender,
      birth: drawBirthDate(rng, 1945, 2006),
      address: drawPostalAddress(rng, place),
      landline: rng.chance(0.2) ? this.registries.phones.landline(rng, place) : undefined,
      hardCases: [],
    };
  }

  private household(): Draft[] {
    const { rng, ref } = this;
    const head = this.single();
    head.landline ??= this.registries.phones.landline(rng, head.address.place);
    head.birth = drawBirthDate(rng, 1950, 1985);
    const shared = { address: head.address, landline: head.landline };
    const spouseGender: Gender = head.gender === 'M' ? 'F' : 'M';
    const members: Draft[] = [
      { ...head, ...shared, hardCases: ['household'] },
      {
        ...shared,
        hardCases: ['household'],
        surname: ref.surnames.sample(rng),
        given: drawGivenName(rng, ref, spouseGender),
        gender: spouseGender,
        birth: drawBirthDate(rng, head.birth.year - 4, head.birth.year + 4),
      },
    ];
    const familySurname = head.gender === 'M' ? head.surname : members[1].surname;
    const children = Number(rng.weighted({ '0': 2, '1': 5, '2': 3 }));
    for (let i = 0; i < children; i++) {
      const gender: Gender = rng.chance(0.5) ? 'M' : 'F';
      const born = Math.min(2012, head.birth.year + rng.range(22, 36));
      members.push({
        ...shared,
        hardCases: ['household'],
        surname: familySurname,
        given: drawGivenName(rng, ref, gender),
        gender,
        birth: drawBirthDate(rng, born, born),
      });
    }
    return members;
  }

  private twins(): Draft[] {
    const { rng, ref } = this;
    const first = this.single();
    first.birthArea = this.birthArea(first.address.place);
    const gender: Gender = rng.chance(0.6) ? first.gender : first.gender === 'M' ? 'F' : 'M';
    const second: Draft = {
      ...first,
      gender,
      given: drawSiblingGivenName(rng, ref, gender, first.given),
    };
    return [
      { ...first, hardCases: ['twin'] },
      { ...second, hardCases: ['twin'] },
    ];
  }

  private namesakes(): Draft[] {
    const { rng } = this;
    const [surname, given, gender] = rng.pick(COMMON_FULL_NAMES);
    const city = this.place().cityCode;
    const places = this.ref.placesByCity.get(city) ?? this.ref.places;
    const size = rng.range(2, 4);
    const sameYear = rng.chance(0.3) ? rng.range(1960, 2000) : undefined;
    const drafts: Draft[] = [];
    for (let i = 0; i < size; i++) {
      const draft = this.single();
      draft.address = drawPostalAddress(rng, rng.pick(places));
      draft.birth = drawBirthDate(rng, sameYear ?? 1950, sameYear ?? 2004);
      drafts.push({ ...draft, surname, given, gender, hardCases: ['common_name'] });
    }
    return drafts;
  }

  /** Most people still live where they were registered at birth; the rest have migrated. */
  private birthArea(home: Place): string {
    return this.rng.chance(0.6) ? home.areaCode : this.rng.pick(this.ref.places).areaCode;
  }

  private complete(draft: Draft): Person {
    const { rng, ref, registries } = this;
    this.count += 1;
    const hardCases = [...draft.hardCases];
    const { birthArea: fixedBirthArea, ...fields } = draft;
    const birthArea = fixedBirthArea ?? this.birthArea(draft.address.place);
    const person: Person = {
      ...fields,
      hardCases,
      entityId: `P${String(this.count).padStart(7, '0')}`,
      residentId: registries.ids.residentId(rng, birthArea, draft.birth, draft.gender),
      mobile: registries.phones.mobile(rng),
      email: rng.chance(0.75)
        ? personEmail(rng, registries.emails, draft.surname, draft.given, draft.birth.year)
        : undefined,
    };
    if (rng.chance(PERSON_TRAIT_RATES.changed_phone)) {
      person.oldMobile = registries.phones.mobile(rng);
      hardCases.push('changed_phone');
    }
    if (rng.chance(PERSON_TRAIT_RATES.moved)) {
      const nearby = ref.placesByCity.get(draft.address.place.cityCode) ?? ref.places;
      person.oldAddress = drawPostalAddress(rng, rng.chance(0.5) ? rng.pick(nearby) : this.place());
      hardCases.push('moved');
    }
    return person;
  }
}
