import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Button } from '../ui/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSession } from './session.tsx';

function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="currentColor" />
      <path d="M8 24V13l8-5 8 5v11h-5v-6h-6v6z" fill="#fff" />
    </svg>
  );
}

/** `except`: a path under `href` that has a link of its own (so only that one is current). */
function NavLink({ href, children, except }: { href: string; children: string; except?: string }) {
  const [location] = useLocation();
  const isCurrent =
    href === '/' ? location === '/' : location.startsWith(href) && !(except && location.startsWith(except));
  return (
    <Link href={href} aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const [isLeaving, setIsLeaving] = useState(false);

  async function logout() {
    setIsLeaving(true);
    try {
      await session.logout();
      navigate('/');
    } finally {
      setIsLeaving(false);
    }
  }

  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Link href="/" className="brand">
          <BrandMark />
          Cabildo
        </Link>
        <nav className="site-nav" aria-label={t('header.navigation')}>
          <ul>
            <li>
              <NavLink href="/">{t('header.federation')}</NavLink>
            </li>
            <li>
              <NavLink href="/join">{t('header.join')}</NavLink>
            </li>
            {session.person && (
              <li>
                <NavLink href="/me" except="/me/votes">
                  {t('header.myCouncils')}
                </NavLink>
              </li>
            )}
            {session.person && (
              <li>
                <NavLink href="/me/votes">{t('header.myVotes')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          {session.person ? (
            <>
              <span className="signed-in">
                <span className="visually-hidden">{t('header.signedInAs')} </span>
                {session.person.fullName}
              </span>
              <Button variant="quiet" onClick={logout} isBusy={isLeaving}>
                {t('header.logout')}
              </Button>
            </>
          ) : (
            session.status !== 'loading' && <Link href="/login">{t('header.login')}</Link>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
