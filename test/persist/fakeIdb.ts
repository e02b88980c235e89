/** A fresh in-memory IndexedDB (fake-indexeddb) for each test of the calling suite; none outside it. */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { resetPersistForTests } from '../../src/persist/lastExperiment.ts';

const g = globalThis as { indexedDB?: IDBFactory };

export function useFakeIndexedDB(): void {
  beforeEach(() => {
    g.indexedDB = new IDBFactory();
    resetPersistForTests();
  });
  afterEach(removeIndexedDB);
}

/** As in a browser that refuses to store anything. */
export function removeIndexedDB(): void {
  delete g.indexedDB;
  resetPersistForTests();
}
