export const texts = {
  vi: {
    auth: {
      title: 'Đăng nhập',
      email: 'Email',
      password: 'Mật khẩu',
      submit: 'Đăng nhập',
      failed: 'Không đăng nhập được',
      publicFeedback: 'Gửi phản ánh, kiến nghị không cần tài khoản',
      sessionExpired: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại',
    },
  },
  en: {
    auth: {
      title: 'Sign in',
      email: 'E-mail',
      password: 'Password',
      submit: 'Sign in',
      failed: 'Could not sign in',
      publicFeedback: 'Send feedback without an account',
      sessionExpired: 'Your session has expired; please sign in again',
    },
  },
};
