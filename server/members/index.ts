// Members context (server side): persons and accounts, sessions and passwords, the public Join form,
// join applications and memberships. Depends on federation (councils, officers' rights); federation
// does not depend on it.
export { createAdministrator } from './create-administrator.ts';
export { importMemberRows, importMembersCsv } from './import-members.ts';
export { joinApplicationsRoutes } from './join-applications.routes.ts';
export { activateMembership, insertAccount, insertPerson } from './members.store.ts';
export { membershipsRoutes } from './memberships.routes.ts';
export { hashPassword } from './password-hashing.ts';
export { sessionRoutes } from './session.routes.ts';
