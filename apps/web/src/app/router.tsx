import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageSpinner } from '../shared/ui/page-spinner.tsx';
import { PublicLayout } from './layout/public-layout.tsx';

// Every page is loaded on demand (route-level splitting): the first paint needs only the frame and its own page,
// and visitors of the marketplace never download the console or the privacy tables.
const HomePage = lazy(() => import('../features/home/pages/home-page.tsx').then((m) => ({ default: m.HomePage })));
const ListingsPage = lazy(() => import('../features/listings/pages/listings-page.tsx').then((m) => ({ default: m.ListingsPage })));
const LoginPage = lazy(() => import('../features/auth/pages/login-page.tsx').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('../features/auth/pages/register-page.tsx').then((m) => ({ default: m.RegisterPage })));
const NotFoundPage = lazy(() => import('../features/not-found/pages/not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })));
const PrivacyPage = lazy(() => import('../features/privacy/pages/privacy-page.tsx').then((m) => ({ default: m.PrivacyPage })));
const TransparencyPage = lazy(() =>
  import('../features/transparency/pages/transparency-page.tsx').then((m) => ({ default: m.TransparencyPage })),
);
const ProfilePage = lazy(() => import('../features/account/pages/profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
const AccessLogPage = lazy(() => import('../features/account/pages/access-log-page.tsx').then((m) => ({ default: m.AccessLogPage })));
const SecurityPage = lazy(() => import('../features/security/pages/security-page.tsx').then((m) => ({ default: m.SecurityPage })));
const SessionsPage = lazy(() => import('../features/security/pages/sessions-page.tsx').then((m) => ({ default: m.SessionsPage })));
const EnrolPage = lazy(() => import('../features/security/pages/enrol-page.tsx').then((m) => ({ default: m.EnrolPage })));
const MyPrivacyPage = lazy(() => import('../features/account/pages/my-privacy-page.tsx').then((m) => ({ default: m.MyPrivacyPage })));
const ReceiptPage = lazy(() => import('../features/account/pages/receipt-page.tsx').then((m) => ({ default: m.ReceiptPage })));
const MyVerificationPage = lazy(() =>
  import('../features/verification/pages/my-verification-page.tsx').then((m) => ({ default: m.MyVerificationPage })),
);
const ListingDetailPage = lazy(() =>
  import('../features/listings/pages/listing-detail-page.tsx').then((m) => ({ default: m.ListingDetailPage })),
);
const SellerListingsPage = lazy(() =>
  import('../features/listings/pages/seller-listings-page.tsx').then((m) => ({ default: m.SellerListingsPage })),
);
const SellerListingEditPage = lazy(() =>
  import('../features/listings/pages/seller-listing-edit-page.tsx').then((m) => ({ default: m.SellerListingEditPage })),
);
// The disclosure path (issue 11): buyers' requests, sellers' buyer requests and access control, notices, advisers.
const MyInquiriesPage = lazy(() =>
  import('../features/disclosure/pages/my-inquiries-page.tsx').then((m) => ({ default: m.MyInquiriesPage })),
);
const InquiryDetailPage = lazy(() =>
  import('../features/disclosure/pages/inquiry-detail-page.tsx').then((m) => ({ default: m.InquiryDetailPage })),
);
const CompanyDisclosurePage = lazy(() =>
  import('../features/disclosure/pages/company-disclosure-page.tsx').then((m) => ({ default: m.CompanyDisclosurePage })),
);
const BuyerRequestsPage = lazy(() =>
  import('../features/disclosure/pages/buyer-requests-page.tsx').then((m) => ({ default: m.BuyerRequestsPage })),
);
const ListingAccessPage = lazy(() =>
  import('../features/disclosure/pages/listing-access-page.tsx').then((m) => ({ default: m.ListingAccessPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/pages/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const MyAdviserPage = lazy(() => import('../features/advisers/pages/my-adviser-page.tsx').then((m) => ({ default: m.MyAdviserPage })));
const MessagesPage = lazy(() => import('../features/messages/pages/messages-page.tsx').then((m) => ({ default: m.MessagesPage })));
const MyDisputesPage = lazy(() => import('../features/disputes/pages/my-disputes-page.tsx').then((m) => ({ default: m.MyDisputesPage })));
const MyDealsPage = lazy(() => import('../features/deals/pages/my-deals-page.tsx').then((m) => ({ default: m.MyDealsPage })));
const MyDealPage = lazy(() => import('../features/deals/pages/my-deals-page.tsx').then((m) => ({ default: m.MyDealPage })));
const MyDataroomsPage = lazy(() =>
  import('../features/dataroom/pages/my-datarooms-page.tsx').then((m) => ({ default: m.MyDataroomsPage })),
);
const PasswordResetPage = lazy(() =>
  import('../features/auth/pages/password-reset-page.tsx').then((m) => ({ default: m.PasswordResetPage })),
);
const WatchlistPage = lazy(() => import('../features/listings/pages/watchlist-page.tsx').then((m) => ({ default: m.WatchlistPage })));
const ConsoleLayout = lazy(() => import('./console/console-layout.tsx').then((m) => ({ default: m.ConsoleLayout })));

/** Every route of the app. The API answers every non-/api path with index.html, so deep links work. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<HomePage />} />
          <Route path="listings" element={<ListingsPage />} />
          <Route path="privacy" element={<PrivacyPage />} />
          <Route path="privacy/transparency" element={<TransparencyPage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="login/reset" element={<PasswordResetPage />} />
          <Route path="account/profile" element={<ProfilePage />} />
          <Route path="account/access-log" element={<AccessLogPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="account/security" element={<SecurityPage />} />
          <Route path="account/sessions" element={<SessionsPage />} />
          <Route path="security/enrol" element={<EnrolPage />} />
          <Route path="account/privacy" element={<MyPrivacyPage />} />
          <Route path="account/privacy/receipts/:id" element={<ReceiptPage />} />
          <Route path="account/verification" element={<MyVerificationPage />} />
          <Route path="listings/:code" element={<ListingDetailPage />} />
          <Route path="account/listings" element={<SellerListingsPage />} />
          <Route path="account/listings/new" element={<SellerListingEditPage />} />
          <Route path="account/listings/:id" element={<SellerListingEditPage />} />
          <Route path="account/inquiries" element={<MyInquiriesPage />} />
          <Route path="account/inquiries/:id" element={<InquiryDetailPage />} />
          <Route path="account/disclosures/:listingId" element={<CompanyDisclosurePage />} />
          <Route path="account/buyer-requests" element={<BuyerRequestsPage />} />
          <Route path="account/listings/:id/access" element={<ListingAccessPage />} />
          <Route path="account/notifications" element={<NotificationsPage />} />
          <Route path="account/adviser" element={<MyAdviserPage />} />
          <Route path="account/messages" element={<MessagesPage />} />
          <Route path="account/messages/:threadId" element={<MessagesPage />} />
          <Route path="account/deals" element={<MyDealsPage />} />
          <Route path="account/disputes" element={<MyDisputesPage />} />
          <Route path="account/deals/:id" element={<MyDealPage />} />
          <Route path="account/dataroom" element={<MyDataroomsPage />} />
          <Route path="account/watchlist" element={<WatchlistPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="console/*" element={<ConsoleLayout />} />
      </Routes>
    </Suspense>
  );
}
