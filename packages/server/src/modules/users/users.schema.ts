import { builder } from '../../graphql/builder.js';
import { userIdOf } from '../../graphql/context.js';

const UserRef = builder.objectRef<{ id: string; email: string }>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    resolve: (_root, _args, ctx) => ctx.services.users.me(userIdOf(ctx)),
  }),
);
