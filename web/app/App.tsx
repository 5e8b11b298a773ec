// The shell every page shares: skip link, header, the routed page, footer. Pages are lazy chunks
// (see web/members/index.ts and web/federation/index.ts) so the first download stays small.
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ActionPage } from '../actions/index.ts';
import {
  AssemblyPage,
  MinutesPage,
  MotionPage,
  MyVotesPage,
  PollPage,
  ProjectorPage,
} from '../decisions/index.ts';
import { DemandPage } from '../demands/index.ts';
import { CouncilPage, HomePage } from '../federation/index.ts';
import { MandatePage, MyMandatesPage } from '../mandates/index.ts';
import {
  ApplicationQueuePage,
  JoinPage,
  LoginPage,
  MyCouncilsPage,
  SetPasswordPage,
  SetupPage,
} from '../members/index.ts';
import { CapListPrintPage, MarketPricesPage, PriceImportPage, ViolationsPage } from '../prices/index.ts';
import { IncidentsPage, MyShiftsPage, ShiftPage } from '../rosters/index.ts';
import {
  DepotPage,
  HouseholdPage,
  HouseholdsPage,
  ItemsPage,
  RationRulesPage,
  ReceivedRequisitionsPage,
  RequisitionsPage,
  RoundPage,
  ShipmentPlanPage,
  ShipmentPlansPage,
  StockCardPage,
  TransferPage,
  TransfersPage,
} from '../supply/index.ts';
import { Button, Loading, Notice } from '../ui/index.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { useSession } from './session.tsx';

/** After an in-app navigation: back to the top, and focus on <main> so screen readers start there. */
function useFocusOnNavigation() {
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    window.scrollTo(0, 0);
    main.current?.focus();
  }, [location]);
  return main;
}

function SessionTrouble() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status !== 'error') return null;
  return (
    <Notice tone="warning" live="alert" title={t('session.unreachable')}>
      <p>
        <Button variant="secondary" onClick={() => void session.reload()}>
          {t('common.retry')}
        </Button>
      </p>
    </Notice>
  );
}

export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const [location] = useLocation();
  const main = useFocusOnNavigation();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} ref={main} className="container site-main">
        <SessionTrouble />
        {session.setupNeeded && location !== '/setup' ? (
          <Redirect to="/setup" />
        ) : (
          <Suspense fallback={<Loading label={t('common.loading')} />}>
            <Switch>
              <Route path="/" component={HomePage} />
              <Route path="/join" component={JoinPage} />
              <Route path="/login" component={LoginPage} />
              <Route path="/set-password" component={SetPasswordPage} />
              <Route path="/setup" component={SetupPage} />
              <Route path="/me" component={MyCouncilsPage} />
              <Route path="/me/mandates" component={MyMandatesPage} />
              <Route path="/me/votes" component={MyVotesPage} />
              <Route path="/me/shifts" component={MyShiftsPage} />
              <Route path="/shifts/:id">
                {(params) => <ShiftPage shiftId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/incidents">
                {(params) => <IncidentsPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/assemblies/:id/minutes">
                {(params) => <MinutesPage assemblyId={params.id} key={params.id} />}
              </Route>
              <Route path="/assemblies/:id/projector">
                {(params) => <ProjectorPage assemblyId={params.id} key={params.id} />}
              </Route>
              <Route path="/assemblies/:id">
                {(params) => <AssemblyPage assemblyId={params.id} key={params.id} />}
              </Route>
              <Route path="/polls/:id">{(params) => <PollPage pollId={params.id} key={params.id} />}</Route>
              <Route path="/motions/:id">
                {(params) => <MotionPage motionId={params.id} key={params.id} />}
              </Route>
              <Route path="/mandates/:id">
                {(params) => <MandatePage mandateId={params.id} key={params.id} />}
              </Route>
              <Route path="/items" component={ItemsPage} />
              <Route path="/depots/:id/items/:itemId">
                {(params) => (
                  <StockCardPage
                    depotId={params.id}
                    itemId={params.itemId}
                    key={`${params.id}/${params.itemId}`}
                  />
                )}
              </Route>
              <Route path="/depots/:id">
                {(params) => <DepotPage depotId={params.id} key={params.id} />}
              </Route>
              <Route path="/transfers/:id">
                {(params) => <TransferPage transferId={params.id} key={params.id} />}
              </Route>
              <Route path="/households/:id">
                {(params) => <HouseholdPage householdId={params.id} key={params.id} />}
              </Route>
              <Route path="/distribution-rounds/:id">
                {(params) => <RoundPage roundId={params.id} key={params.id} />}
              </Route>
              <Route path="/shipment-plans/:id">
                {(params) => <ShipmentPlanPage planId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/requisitions/received">
                {(params) => <ReceivedRequisitionsPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/requisitions">
                {(params) => <RequisitionsPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/shipment-plans">
                {(params) => <ShipmentPlansPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/transfers">
                {(params) => <TransfersPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/households/new">
                {(params) => <HouseholdsPage councilId={params.id} key={`${params.id}/new`} />}
              </Route>
              <Route path="/councils/:id/households">
                {(params) => <HouseholdsPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/items/:itemId/rules">
                {(params) => (
                  <RationRulesPage
                    councilId={params.id}
                    itemId={params.itemId}
                    key={`${params.id}/${params.itemId}`}
                  />
                )}
              </Route>
              <Route path="/demands/:id">
                {(params) => <DemandPage demandId={params.id} key={params.id} />}
              </Route>
              <Route path="/actions/:id">
                {(params) => <ActionPage actionId={params.id} key={params.id} />}
              </Route>
              <Route path="/prices/import" component={PriceImportPage} />
              <Route path="/prices" component={MarketPricesPage} />
              <Route path="/councils/:id/price-caps/print">
                {(params) => <CapListPrintPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/price-violations">
                {(params) => <ViolationsPage councilId={params.id} key={params.id} />}
              </Route>
              <Route path="/councils/:id/applications">
                {(params) => <ApplicationQueuePage councilId={params.id} />}
              </Route>
              <Route path="/councils/:id">
                {(params) => <CouncilPage councilId={params.id} key={params.id} />}
              </Route>
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
        )}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.text')}</p>
        </div>
      </footer>
    </>
  );
}
