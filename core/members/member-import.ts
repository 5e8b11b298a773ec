// Validation of a members CSV (one council) before anything is written. Each row needs a name and an
// email or a phone; logins must be unique within the file. One rejected row rejects the import.
import { normaliseLogin, normalisePhone } from './logins.ts';

export const MEMBER_CSV_COLUMNS = ['full_name', 'email', 'phone', 'home_place', 'work_place'] as const;

export interface MemberImportRow {
  fullName: string;
  email: string | null;
  phone: string | null;
  homePlace: string | null;
  workPlace: string | null;
  /** The account login: the email when given, else the phone. */
  login: string;
  loginKind: 'email' | 'phone';
}

export interface MemberRowVerdict {
  line: number;
  status: 'accepted' | 'rejected';
  field?: string;
  reason?: string;
}

export function planMemberImport(
  records: Array<Record<string, string>>,
  firstLine = 2,
): { rows: MemberImportRow[]; report: MemberRowVerdict[]; ok: boolean } {
  const rows: MemberImportRow[] = [];
  const report: MemberRowVerdict[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of records.entries()) {
    const line = firstLine + i;
    const reject = (field: string, reason: string) =>
      report.push({ line, status: 'rejected', field, reason });
    const fullName = (r.full_name ?? '').trim();
    const emailRaw = (r.email ?? '').trim();
    const phoneRaw = (r.phone ?? '').trim();
    if (!fullName || fullName.length > 200) {
      reject('full_name', 'a name of 1–200 characters is required');
      continue;
    }
    if (!emailRaw && !phoneRaw) {
      reject('email', 'an email or a phone is required');
      continue;
    }
    const email = emailRaw ? normaliseLogin(emailRaw) : null;
    if (email && (!email.ok || email.kind !== 'email')) {
      reject('email', `"${emailRaw.slice(0, 80)}" is not an email address`);
      continue;
    }
    const phone = phoneRaw ? normalisePhone(phoneRaw) : null;
    if (phoneRaw && !phone) {
      reject('phone', `"${phoneRaw.slice(0, 40)}" is not a phone number`);
      continue;
    }
    const login = email?.ok ? email.login : phone!;
    if (seen.has(login)) {
      reject(email?.ok ? 'email' : 'phone', `same contact as line ${seen.get(login)}`);
      continue;
    }
    seen.set(login, line);
    const place = (v: string | undefined) => (v ?? '').trim().slice(0, 200) || null;
    rows.push({
      fullName,
      email: email?.ok ? email.login : null,
      phone,
      homePlace: place(r.home_place),
      workPlace: place(r.work_place),
      login,
      loginKind: email?.ok ? 'email' : 'phone',
    });
    report.push({ line, status: 'accepted' });
  }
  const ok = report.every((v) => v.status === 'accepted');
  return { rows: ok ? rows : [], report, ok };
}
