/** The openid of the preview's 工作人员 identity: `npm start` makes it an administrator unless ADMIN_OPENIDS is set. */
export const PREVIEW_STAFF_OPENID = 'preview-staff';
