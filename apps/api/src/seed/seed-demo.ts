import { DataSource } from 'typeorm';
import { hashPassword } from '../modules/auth/passwords';
import { seedStandardMeetingTypes } from '../modules/meetings/standard-meeting-types';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoTopics } from './demo-topics';
import { seedDemoPlan } from './demo-plan';
import { seedDemoDocuments } from './demo-documents';
import { seedDemoDuty } from './demo-duty';
import { seedDemoOutcomes } from './demo-outcomes';
import { DEMO_COMMITTEES, DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_SECTORS, demoMembers } from './demo-data';

export interface DemoLogin {
  email: string;
  role: string;
}

/**
 * Seed the demo committee into an empty database. One argon2 hash serves every demo account
 * (same password), which keeps seeding under a second.
 */
export async function seedDemo(ds: DataSource): Promise<DemoLogin[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return ds.transaction(async (m) => {
    const ids = async (table: string, names: string[]) => {
      const map = new Map<string, string>();
      for (const [i, name] of names.entries()) {
        const [row] = await m.query(`INSERT INTO ${table} (name, sort_order) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name, i]);
        map.set(name, row.id);
      }
      return map;
    };
    const sectors = await ids('sectors', DEMO_SECTORS);
    const committees = await ids('committees', DEMO_COMMITTEES);
    const departments = await ids('departments', DEMO_DEPARTMENTS);
    const insert = (email: string, name: string, roles: string[], extra: { sector?: string; committee?: string; department?: string; standing?: boolean; affiliation?: string; phone?: string } = {}) =>
      m.query(
        `INSERT INTO users (email, name, password_hash, roles, is_standing_committee, sector_id, committee_id, department_id, affiliation, phone)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (email) DO NOTHING`,
        [email, name, hash, roles, extra.standing ?? false, extra.sector ? sectors.get(extra.sector) : null, extra.committee ? committees.get(extra.committee) : null, extra.department ? departments.get(extra.department) : null, extra.affiliation ?? null, extra.phone ?? null],
      );
    const logins: DemoLogin[] = [];
    await insert('admin@demo.local', '办公室 周敏', ['admin'], { affiliation: '市政协办公室 秘书处', phone: '02100000001' });
    logins.push({ email: 'admin@demo.local', role: 'admin (secretariat)' });
    await insert('chair@demo.local', '主席 林正阳', ['chair', 'member'], { sector: '中国共产党', standing: true, affiliation: '市政协 主席', phone: '02100000002' });
    logins.push({ email: 'chair@demo.local', role: 'chair' });
    await insert('leader@demo.local', '市委领导 韩立', ['leader'], { affiliation: '市委 副书记' });
    logins.push({ email: 'leader@demo.local', role: 'leadership reviewer' });
    for (const [i, mem] of demoMembers().entries()) {
      await insert(mem.email, mem.name, ['member'], { sector: mem.sector, committee: mem.committee, standing: mem.standing, affiliation: mem.affiliation, phone: `139${String(10000000 + i * 7919).slice(0, 8)}` });
    }
    logins.push({ email: 'member01@demo.local … member40@demo.local', role: 'member' });
    for (const [i, dept] of DEMO_DEPARTMENTS.entries()) {
      const email = `dept0${i + 1}@demo.local`;
      await insert(email, `${dept} 联络员`, ['department'], { department: dept, affiliation: dept });
    }
    logins.push({ email: 'dept01@demo.local … dept03@demo.local', role: 'department liaison' });
    await seedStandardMeetingTypes(m);
    await seedDemoMeetings(m);
    await seedDemoTopics(m);
    await seedDemoPlan(m);
    await seedDemoDocuments(m);
    // after the documents demo (if any): outcomes start from finalized documents
    await seedDemoOutcomes(m);
    await seedDemoDuty(m);
    await m.query(`INSERT INTO audit_log (action, entity, data) VALUES ('demo.seeded', 'system', '{}')`);
    return logins;
  });
}
