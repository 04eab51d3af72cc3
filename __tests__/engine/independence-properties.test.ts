/**
 * How the gate names the writers it cannot tie to a GitHub account: each address once, whatever
 * its case, and two addresses as two writers, so a user can link every one of them to an account
 * (while any is unknown nobody may confirm an independent item). The test fails against a mutant
 * of src/core/independence.ts the rest of the suite let through (issue 10, mutation testing).
 */
import { describe, expect, test } from 'vitest';
import { writersOf } from '../../src/core/independence.js';
import type { CommitAuthorship, GitPerson } from '../../src/core/inputs.js';

const A = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';

const noAccount = (name: string, email: string): GitPerson => ({ login: null, name, email });
const commit = (sha: string, author: GitPerson): CommitAuthorship => ({
  sha,
  author,
  coAuthors: [],
  parents: 1,
});

describe('writers with no GitHub account', () => {
  test('each address is one writer whatever its case, and two addresses are two writers', () => {
    // Upper-casing would make these two one address (ß upper-cases to SS); they are two mailboxes.
    const writers = writersOf([
      commit(A, noAccount('Jörg Strauß', 'j.strauß@acme.test')),
      commit(B, noAccount('Jörg Strauss', 'j.strauss@acme.test')),
      commit(C, noAccount('Jörg Strauß', 'J.STRAUSS@acme.test')),
    ]);
    expect(writers.people).toEqual([]);
    expect(writers.unknown).toEqual([
      'Jörg Strauß <j.strauß@acme.test> (author of commit a1a1a1a) has no GitHub account that lists that email',
      'Jörg Strauss <j.strauss@acme.test> (author of commits b2b2b2b, c3c3c3c) has no GitHub account that lists that email',
    ]);
  });
});
