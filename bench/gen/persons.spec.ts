import { datasetsDir } from '../common/project-paths';
import { isValidResidentId } from './checksums';
import { EmailRegistry } from './emails';
import { IdentifierRegistry } from './identifiers';
import { PersonFactory, type Person } from './persons';
import { PhoneRegistry } from './phones';
import { Rng } from './prng';
import { loadReferenceData } from './reference-data';

/** Groups drawn until 30 of the hard case were seen. */
function groupsWith(hardCase: string): Person[][] {
  const ref = loadReferenceData(datasetsDir());
  const registries = {
    ids: new IdentifierRegistry(),
    phones: new PhoneRegistry(),
    emails: new EmailRegistry(),
  };
  const factory = new PersonFactory(new Rng(7), ref, registries);
  const groups: Person[][] = [];
  while (groups.length < 30) {
    const group = factory.nextGroup(10);
    if (group[0].hardCases.includes(hardCase as Person['hardCases'][number])) groups.push(group);
  }
  return groups;
}

describe('person groups', () => {
  it('makes twins with one surname, birth date, address and ID area but two names and IDs', () => {
    for (const [a, b] of groupsWith('twin')) {
      expect(b.surname).toBe(a.surname);
      expect(b.birth).toEqual(a.birth);
      expect(b.address).toBe(a.address);
      expect(b.given).not.toBe(a.given);
      expect(b.residentId).not.toBe(a.residentId);
      expect(b.residentId.slice(0, 14)).toBe(a.residentId.slice(0, 14));
      expect(isValidResidentId(a.residentId) && isValidResidentId(b.residentId)).toBe(true);
    }
  });

  it('puts a household at one address and landline, each member with their own mobile and ID', () => {
    for (const members of groupsWith('household')) {
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(new Set(members.map((m) => m.address)).size).toBe(1);
      expect(new Set(members.map((m) => m.landline)).size).toBe(1);
      expect(members[0].landline).toBeDefined();
      expect(new Set(members.map((m) => m.mobile)).size).toBe(members.length);
      expect(new Set(members.map((m) => m.residentId)).size).toBe(members.length);
    }
  });

  it('gives namesakes one common full name in one city, and different people otherwise', () => {
    for (const people of groupsWith('common_name')) {
      expect(new Set(people.map((p) => p.surname + p.given)).size).toBe(1);
      expect(new Set(people.map((p) => p.address.place.cityCode)).size).toBe(1);
      expect(new Set(people.map((p) => p.residentId)).size).toBe(people.length);
    }
  });
});
