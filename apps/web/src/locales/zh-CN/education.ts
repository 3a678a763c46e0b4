/** Customer education (issue 19 item 6): titles around the content the privacy officer edits. */
export const educationZhCN = {
  menu: '安全指南与提示',
  dismiss: '关闭提示',
  kinds: { guide: '指南', tip: '流程提示' },
  audiences: { buyer: '致买方', seller: '致卖方', all: '所有客户' },
  tips: {
    'tip.deposit': '付定金前请先核对收款账户',
    'tip.seal-photo': '安全提示：索要公章、证照照片',
    'tip.dataroom-watermark': '关于资料室水印',
  },
  console: {
    title: '安全指南与流程提示',
    intro:
      '这里的文字会出现在隐私中心的安全与防诈骗指南，以及交易流程中的提示里（付定金前、聊天中有人索要公章或证照照片时、首次进入资料室时）。每次保存都会生成新版本，旧版本保留备查。请勿承诺平台并不具备的功能。',
    revision: '第 {{revision}} 版',
    save: '保存为新版本',
    saved: '已保存新版本',
  },
};
