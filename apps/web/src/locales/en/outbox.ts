/** The delivery outbox (admins). */
export const outboxEn = {
  title: 'Sent messages',
  intro:
    'Every message the platform sent (or would have sent, where no SMS or e-mail transport is set up): the recipient masked; the text and any code stay sealed and nobody can read them here.',
  allStatuses: 'All statuses',
  columns: {
    createdAt: 'Time',
    channel: 'Channel',
    recipient: 'Recipient',
    template: 'Message',
    status: 'Status',
    dispatchedAt: 'Sent at',
  },
  channels: { mobile: 'SMS', email: 'E-mail' },
  statuses: { outbox_only: 'Outbox only', queued: 'Queued', sent: 'Sent', failed: 'Failed' },
  templates: {
    registration_code: 'Registration code',
    registration_already_registered: 'Already registered notice',
    new_device_sign_in: 'New-device sign-in notice',
    password_reset_code: 'Password reset code',
    password_reset_no_account: 'Password reset (no account)',
    break_glass_alert: 'Break-glass alert',
    listing_alert: 'New listings alert',
    notification: 'Copy of an in-app notice',
    privacy_ticket_reply: 'Reply to privacy feedback',
  },
};
