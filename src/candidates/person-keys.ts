import { createHmac, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { OperatorError } from "../common/operator-error";
import { selectRows, type Db, type Executor } from "../db/client";

const SECRET_SETTING = "person_key_secret";
const FINGERPRINT_SETTING = "person_key_fingerprint";
/** Rows carried over from before persons were per agency hold this until their first start computes the real key. */
const LEGACY_PREFIX = "legacy:";

/** The keyed hash (HMAC-SHA-256) of a normalised e-mail address: links one person's candidates across agencies. */
export function personKey(secret: Buffer, normalisedEmail: string): string {
  return createHmac("sha256", secret).update(normalisedEmail).digest("base64url");
}

/**
 * The server secret behind the person keys: PERSON_KEY_SECRET when set, otherwise one generated on a fresh install and
 * kept in the database. The stored keys are only comparable under the secret they were made with, so the service
 * refuses to start on another one (a fingerprint of the secret is kept beside the keys); rows migrated from shared
 * candidates get their keys on the first start.
 */
export class PersonKeys {
  private secret: Promise<Buffer> | null = null;

  constructor(
    private readonly db: Db,
    private readonly configured: string | null,
  ) {}

  /** Keys of normalised addresses, in order. */
  async keysOf(emails: readonly string[]): Promise<string[]> {
    const secret = await this.ready();
    return emails.map((email) => personKey(secret, email));
  }

  /** Loads (or creates) the secret and brings migrated rows' keys up to date. Idempotent; called at start-up and on first use. */
  ready(): Promise<Buffer> {
    this.secret ??= this.load().catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }

  private async load(): Promise<Buffer> {
    return this.db.transaction(async (tx) => {
      // One process at a time sets up the secret and the migrated keys.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('person_keys'))`);
      const settings = new Map(
        (await selectRows<{ name: string; value: string }>(tx, sql`select name, value from server_settings`)).map((r) => [r.name, r.value]),
      );
      let secretText = this.configured ?? settings.get(SECRET_SETTING);
      if (secretText == null) {
        secretText = randomBytes(32).toString("base64url");
        await tx.execute(sql`insert into server_settings (name, value) values (${SECRET_SETTING}, ${secretText})`);
      }
      const secret = Buffer.from(secretText, "utf8");
      const fingerprint = personKey(secret, "fingerprint of the person-key secret");
      const stored = settings.get(FINGERPRINT_SETTING);
      if (stored == null) {
        await tx.execute(sql`insert into server_settings (name, value) values (${FINGERPRINT_SETTING}, ${fingerprint})`);
      } else if (stored !== fingerprint) {
        throw new OperatorError(
          "PERSON_KEY_SECRET differs from the secret the stored person keys were made with: set it back (the keys link candidates across agencies and keep erasures).",
        );
      }
      await this.keyMigratedRows(tx, secret);
      return secret;
    });
  }

  private async keyMigratedRows(tx: Executor, secret: Buffer): Promise<void> {
    const rows = await selectRows<{ id: number; person_id: number; email: string | null; email_key: string }>(
      tx,
      sql`select id, person_id, email, email_key from candidates where email_key like ${LEGACY_PREFIX + "%"} order by id`,
    );
    const live = rows.filter((r) => r.email != null).map((r) => ({ id: r.id, person_id: r.person_id, key: personKey(secret, r.email!) }));
    if (live.length === 0) return;
    // Every candidate split from one shared row has that row's address, so a person's rows all get the same key.
    await tx.execute(sql`
      update candidates c set email_key = k.key from jsonb_to_recordset(${JSON.stringify(live)}::jsonb) as k(id int, person_id int, key text) where c.id = k.id`);
    await tx.execute(sql`
      update persons p set key = k.key
      from (select distinct person_id, key from jsonb_to_recordset(${JSON.stringify(live)}::jsonb) as k(id int, person_id int, key text)) k
      where p.id = k.person_id`);
  }
}
