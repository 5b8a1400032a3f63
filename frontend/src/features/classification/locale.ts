import { defineMessages } from '../../lib/i18n';

export default defineMessages({
  en: {
    checkUrgency: 'Check urgency',
    confidence: 'Classifier confidence {{percent}} %',
    correctTitle: 'Correct the urgency; the classifier learns from it',
    urgentUndo: 'Urgent ✓ — mark not urgent',
    markUrgent: 'Mark urgent',
    category: 'Category',
    preSale: 'Pre-sale',
    inSale: 'In-sale',
    afterSale: 'After-sale',
  },
  'zh-CN': {
    checkUrgency: '请核对紧急程度',
    confidence: '分类置信度 {{percent}} %',
    correctTitle: '纠正紧急程度；分类器会从中学习',
    urgentUndo: '紧急 ✓ — 标为不紧急',
    markUrgent: '标为紧急',
    category: '类别',
    preSale: '售前',
    inSale: '售中',
    afterSale: '售后',
  },
});
