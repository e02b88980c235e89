/**
 * The playground with sharing: the App, booted from the link, its address kept in step, the share
 * tools in its top bar, drawing on its output plane, and the link's embed view applied (hidden
 * panels through App's `hidden`, hidden controls through `data-hide` on the root + share.css).
 */
import { useEffect, useMemo, useState } from 'react';
import { App } from '../App.tsx';
import { hiddenControls, hiddenPanels, isHidden, type ViewState } from '../../share/embed.ts';
import { useLastExperiment } from '../../state/autosave.ts';
import { openCompareLink } from '../../state/compareShare.ts';
import { bootFromLocation, useLinkSync } from './linkSync.ts';
import { DrawTools, usePlaneClick, type DrawTool } from './DrawTools.tsx';
import { Notices } from './Notices.tsx';
import { ShareToolbar } from './ShareToolbar.tsx';
import './share.css';

export function ShareApp() {
  const [view, setView] = useState<ViewState>(() => bootFromLocation().view);
  const [tool, setTool] = useState<DrawTool>(null);
  useLinkSync(view, setView);
  // The learner's last experiment back after a reload, unless the link is another one (src/state/autosave.ts).
  useLastExperiment(bootFromLocation());
  // A comparison link opens the comparison, once the training worker is up (App's effects run first).
  useEffect(() => void openCompareLink(window.location.hash), []);

  useEffect(() => {
    const root = document.documentElement;
    const controls = hiddenControls(view);
    if (controls.length > 0) root.dataset.hide = controls.join(' ');
    else delete root.dataset.hide;
    if (view.embed) root.dataset.embed = '';
    else delete root.dataset.embed;
    if (view.views) root.dataset.views = view.views.join(' ');
    else delete root.dataset.views;
  }, [view]);

  const hidden = useMemo(() => hiddenPanels(view), [view]);
  // Drawing adds data: only where the Data view is shown too.
  const drawing = !isHidden(view, 'draw') && !hidden.has('output') && !hidden.has('data');
  const onPlaneClick = usePlaneClick(drawing ? tool : null);
  const toolbar = (
    <>
      {drawing ? <DrawTools tool={tool} onTool={setTool} /> : null}
      {isHidden(view, 'share') ? null : <ShareToolbar view={view} />}
    </>
  );
  return <App toolbar={toolbar} notices={<Notices />} hidden={hidden} {...(onPlaneClick ? { onPlaneClick } : {})} />;
}
