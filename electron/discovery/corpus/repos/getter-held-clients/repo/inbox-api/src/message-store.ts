import { Pool } from 'pg';

export class MessageStore {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url });
  }

  get messages() {
    return {
      create: async (row: { merchantId: string; body: string; tools: string[] }) => {
        await this.pool.query('insert into merchant_messages (merchant_id, body, allowed_actions) values ($1, $2, $3)', [row.merchantId, row.body, row.tools]);
      },
    };
  }
}
