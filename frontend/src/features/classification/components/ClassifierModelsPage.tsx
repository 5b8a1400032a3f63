import { useTranslation } from 'react-i18next';
import { formatFull } from '../../../lib/format';
import type { ModelVersion, ScoresByLanguage } from '../api/models';
import { METRICS, percent, scoreRows } from '../hooks/score-rows';
import { useModels } from '../hooks/useModels';
import './classifier-models.css';

/**
 * Admins: the urgency/category model versions with their scores on the corpus test split (per language,
 * beside the old word lists'), which one is live, a retrain (a new inactive version) and a switch to any
 * version, also back to an earlier one.
 */
export function ClassifierModelsPage() {
  const { t } = useTranslation('classification');
  const models = useModels();
  const { list } = models;

  return (
    <section className="models" aria-labelledby="models-title" data-testid="classifier-models">
      <div className="models__header">
        <h1 id="models-title">{t('modelsTitle')}</h1>
        <button type="button" className="button" data-testid="model-retrain" disabled={models.busy !== null}
          onClick={() => void models.retrain()}>
          {models.busy === 'retrain' ? t('retraining') : t('retrain')}
        </button>
      </div>
      <p className="models__hint">{t('modelsHint')}</p>
      {models.trained !== null && (
        <p role="status" data-testid="model-trained">{t('trained', { version: models.trained })}</p>
      )}
      {models.error && <p role="alert" className="models__error">{models.error}</p>}
      {!list && !models.error && <p>{t('loading')}</p>}
      {list?.models.map((m) => (
        <ModelCard key={m.version} model={m} baseline={list.wordListScores} busy={models.busy !== null}
          switching={models.busy === m.version} onActivate={() => void models.activate(m.version)} />
      ))}
    </section>
  );
}

interface CardProps {
  model: ModelVersion;
  baseline?: ScoresByLanguage;
  busy: boolean;
  switching: boolean;
  onActivate: () => void;
}

function ModelCard({ model, baseline, busy, switching, onActivate }: CardProps) {
  const { t } = useTranslation('classification');
  const rows = scoreRows(model.testScores, baseline);
  return (
    <article className={`models__card${model.active ? ' models__card--active' : ''}`} data-testid="model-version"
      data-version={model.version} data-active={model.active}>
      <header className="models__card-header">
        <h2>{t('version', { version: model.version })}</h2>
        {model.active ? (
          <span className="models__badge" data-testid="model-active">{t('active')}</span>
        ) : (
          <button type="button" className="button" data-testid="model-activate" disabled={busy} onClick={onActivate}>
            {switching ? t('switching') : t('switchTo')}
          </button>
        )}
        <span className="models__meta">
          {t('trainedOn', { messages: model.trainedOn, corrections: model.corrections })}
          {model.createdAt && ` · ${formatFull(model.createdAt)}`}
          {model.createdBy && ` · ${model.createdBy}`}
        </span>
      </header>
      <table className="models__table">
        <thead>
          <tr>
            <th scope="col">{t('language')}</th>
            <th scope="col">{t('messages')}</th>
            {METRICS.map((m) => (
              <th scope="col" key={m}>{t(`metric.${m}`)}</th>
            ))}
            {baseline && METRICS.map((m) => (
              <th scope="col" key={`old-${m}`} className="models__old">{t(`old.${m}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.language} data-testid="model-score-row" data-language={r.language}>
              <th scope="row">{r.language === 'all' ? t('all') : r.language}</th>
              <td>{r.scores.messages}</td>
              {METRICS.map((m) => (
                <td key={m} data-testid={`score-${m}`}
                  className={r.below.includes(m) ? 'models__below' : undefined}>{percent(r.scores[m])}</td>
              ))}
              {baseline && METRICS.map((m) => (
                <td key={`old-${m}`} className="models__old">{percent(r.baseline?.[m])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
