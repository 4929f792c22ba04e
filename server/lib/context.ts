import type { Role } from '../../shared/domain.js';
import type { Config } from '../config.js';
import type { Db, DbOrTx } from '../db/client.js';
import type { Clock } from './clock.js';

/** The signed-in account acting in a request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgUnitId: string | null;
}

/** What every service function takes first: who acts, on which database, when. */
export interface Ctx {
  actor: Actor | null;
  db: Db;
  requestId: string;
  clock: Clock;
  config: Config;
  lang: 'vi' | 'en';
  ip: string;
}

/** A context whose database is a transaction. */
export type TxCtx = Omit<Ctx, 'db'> & { db: DbOrTx };
