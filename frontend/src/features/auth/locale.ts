import { defineMessages } from '../../lib/i18n';

export default defineMessages({
  en: {
    subtitle: 'agent inbox',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrong: 'Wrong username or password.',
    failed: 'Login failed. Try again.',
    logout: 'Log out',
    loggingOut: 'Logging out…',
  },
  'zh-CN': {
    subtitle: '客服收件箱',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signingIn: '登录中…',
    wrong: '用户名或密码错误。',
    failed: '登录失败，请重试。',
    logout: '退出登录',
    loggingOut: '正在退出…',
  },
});
