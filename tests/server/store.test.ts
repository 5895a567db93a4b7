// The session store: its write-ahead log is copied back into the database file by a thread of its own, never inside
// a player's commit (that copy ends in an fsync: tens of milliseconds in which every other player waited).
import { readdirSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/server/db.js';
import { sessionRow } from '../helpers/factory.js';
import { tempDir, until } from './support.js';

const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.cleanup();
});

/**
 * A store in a new folder with one session and a hundred events, once its checkpointer has copied the log into the
 * database file (a hundred commits write a few hundred pages of log: SQLite's own checkpoint waits for a thousand).
 */
async function checkpointedStore() {
  const t = tempDir();
  dirs.push(t);
  const store = new SessionStore(t.db);
  store.createSession(sessionRow({ createdAt: 1 }));
  const before = statSync(t.db).size;
  let seq = 0;
  for (let i = 0; i < 100; i++)
    seq = store.append('s1', seq, [{ actor: 'seat:x', intent: `i${i}`, at: i, event: { kind: 'pause' } }]);
  await until(() => statSync(t.db).size > before, 'the log to be copied into the database file');
  return { t, store, seq };
}

describe('the session store', () => {
  it('checkpoints from its own thread: the database file takes in a log too short for SQLite to checkpoint by itself', async () => {
    const { t, store, seq } = await checkpointedStore();
    // Nothing is lost: every event is read back, and the store goes on taking new ones.
    expect(store.events('s1')).toHaveLength(100);
    expect(store.append('s1', seq, [{ actor: 'seat:x', intent: 'last', at: 100, event: { kind: 'resume' } }])).toBe(
      101,
    );
    await store.close();
    // Opened again, with the checkpointer's connection gone too, it holds all of it.
    const again = new SessionStore(t.db);
    expect(again.events('s1')).toHaveLength(101);
    await again.close();
  });

  it('has closed every connection to its files when its close is done, so its folder can be removed at once', async () => {
    // The checkpointer has copied a log into the file: its connection is open.
    const { t, store } = await checkpointedStore();
    expect(readdirSync(t.dir).sort()).toEqual(['sessions.db', 'sessions.db-shm', 'sessions.db-wal']);
    await store.close();
    // The last connection to close (the checkpointer's, on its own thread) checkpoints the log and removes it: before
    // close waited for that thread, a test's clean-up removing the folder met files still being removed (ENOTEMPTY).
    expect(readdirSync(t.dir)).toEqual(['sessions.db']);
  });
});
