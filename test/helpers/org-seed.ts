// The W10-shaped organization the tests seed in moto: one copy, in scripts/seed-org.ts (the demo seeds it too).
export {AUDIT_ROLE, SSO_ADMIN_ROLE, provisionSsoRoles, roleCredentials, seedOrganization, seedOrganizationShape, type SeededOrg} from '../../scripts/seed-org.js';
