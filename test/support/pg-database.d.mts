export interface CreatedDatabase {
  /** The database's name: `<prefix>_<label>_<hex>`. */
  name: string;
  /** Its URL: the admin URL with the database's name as path. */
  url: string;
  /** Drops it, even with connections open. */
  drop(): Promise<void>;
}

export function createDatabase(adminUrl: string, label: string, prefix?: string): Promise<CreatedDatabase>;

/** TEST_DB_PREFIX, default `cf`: what the tests' databases and roles are named with. */
export function testDbPrefix(): string;
