// Words of a member's sign-in account (党员账号), opened from the member's record by the member's org (issue 15
// defect 2: a system administrator never links an account to a member). Both locales import their half.

export const accountsZh = {
  section: '党员账号',
  intro: '党员本人登录后可在“我的”中查看本人信息和“谁查看了我的信息”。账号由党员所在党组织在此开通，每名党员只有一个账号；开通和重新生成链接都记入审计日志，党员本人可见。',
  none: '尚未开通账号',
  opened: '已开通账号',
  open: '开通账号',
  reset: '重新生成设置链接',
  resetConfirm: '为 {username} 生成新的设置链接？之前发出的链接将立即失效。',
  statuses: { pending: '待本人设置密码', active: '正常', disabled: '已停用' },
  form: {
    title: '开通党员账号',
    username: '登录用户名',
    usernameHint: '3–32 位小写字母、数字或 . _ -，以字母开头；党员本人登录时使用',
    usernameRequired: '请输入登录用户名',
    usernameFormat: '用户名需为 3–32 位小写字母、数字或 . _ -，并以字母开头',
    note: '开通后会生成一次性设置链接（24 小时内有效），请当面或通过安全渠道交给党员本人。',
  },
};

export const accountsEn: typeof accountsZh = {
  section: 'Member account',
  intro: 'Signed in, the member sees the own record and who viewed it under "Me". The member\'s org opens the account here, one per member; opening it and new links are audited and shown to the member.',
  none: 'No account yet',
  opened: 'Account opened',
  open: 'Open account',
  reset: 'New set-up link',
  resetConfirm: 'Issue a new set-up link for {username}? Links issued before stop working at once.',
  statuses: { pending: 'Waiting for the member to set a password', active: 'Active', disabled: 'Disabled' },
  form: {
    title: 'Open the member\'s account',
    username: 'User name',
    usernameHint: '3–32 lower-case letters, digits or . _ -, starting with a letter; the member signs in with it',
    usernameRequired: 'Enter a user name',
    usernameFormat: 'Use 3–32 lower-case letters, digits or . _ -, starting with a letter',
    note: 'A one-time set-up link (24 hours) is issued: hand it to the member in person or over a secure channel.',
  },
};
