import { useQuery } from '@apollo/client/react';
import { clearToken } from '../../../app/session';
import { MeDocument } from '../../../gql/graphql';

export function UserMenu() {
  const { data } = useQuery(MeDocument);
  const email = data?.me.email;
  return (
    <div className="user-menu">
      {email ? (
        <span className="user-email" title={email}>
          {email}
        </span>
      ) : null}
      <button type="button" className="btn btn-ghost btn-small" onClick={() => clearToken()}>
        Sign out
      </button>
    </div>
  );
}
