import type { ServiceError } from '../modules/shared/result.js';
import { builder } from './builder.js';

export const UserErrorRef = builder.objectRef<ServiceError>('UserError').implement({
  fields: (t) => ({
    field: t.stringList({ nullable: true, resolve: (e) => e.field ?? null }),
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});
