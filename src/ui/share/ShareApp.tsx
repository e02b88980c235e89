/**
 * The playground with sharing: the App, booted from the link, its address kept in step, the share
 * tools in its top bar, drawing on its output plane, and the link's embed view applied (hidden
 * panels through App's `hidden`, hidden controls through `data-hide` on the root + share.css).
 */
import { useEffect, useMemo, useState } from 'react';
import { App } from '../App.tsx';
import { hiddenControls, hiddenPanels, isHidden, normalizeView, type ViewState } from '../../share/embed.ts';
import { classroomHidden, setMode, useClassroom } from '../../state/classroom.ts';
import { useLastExperiment } from '../../state/autosave.ts';
import { openCompareLink } from '../../state/compareShare.ts';
import { bootFromLocation, useLinkSync } from './linkSync.ts';
import { DrawTools, usePlaneClick, type DrawTool } from './DrawTools.tsx';
import { LessonsButton } from '../lessons/LessonsButton.tsx';
import { Notices } from './Notices.tsx';
import { ShareToolbar } from './ShareToolbar.tsx';
import { Welcome } from '../classroom/Welcome.tsx';
import { shouldWelcome } from '../classroom/welcome.ts';
import './share.css';

export function ShareApp() {
  const [view, setView] = useState<ViewState>(() => bootFromLocation().view);
  // A link's mode= is applied once, then remembered like the person's own choice (classroom.ts).
  const linkMode = view.mode;
  useEffect(() => {
    if (!linkMode) return;
    setMode(linkMode);
    setView((v) => normalizeView(v.hide, v.views, v.embed));
  }, [linkMode]);
  const classroom = useClassroom((s) => s);
  // Simple mode and a lesson's controls hide through the same rules as a link's hide=.
  const shown = useMemo(
    () => normalizeView([...view.hide, ...classroomHidden(classroom)], view.views, view.embed),
    [view, classroom],
  );
  const [tool, setTool] = useState<DrawTool>(null);
  // The first visit's welcome: not in embed mode, not when a link was opened (welcome.ts).
  const [welcome, setWelcome] = useState(() =>
    shouldWelcome({ embed: view.embed, fromLink: bootFromLocation().source !== 'empty' }),
  );
  useLinkSync(view, setView);
  // The learner's last experiment back after a reload, unless the link is another one (src/state/autosave.ts).
  useLastExperiment(bootFromLocation());
  // A comparison link opens the comparison, once the training worker is up (App's effects run first).
  useEffect(() => void openCompareLink(window.location.hash), []);

  useEffect(() => {
    const root = document.documentElement;
    const controls = hiddenControls(shown);
    if (controls.length > 0) root.dataset.hide = controls.join(' ');
    else delete root.dataset.hide;
    if (view.embed) root.dataset.embed = '';
    else delete root.dataset.embed;
    if (view.views) root.dataset.views = view.views.join(' ');
    else delete root.dataset.views;
  }, [view, shown]);

  const hidden = useMemo(() => hiddenPanels(shown), [shown]);
  // Drawing adds data: only where the Data view is shown too.
  const drawing = !isHidden(shown, 'draw') && !hidden.has('output') && !hidden.has('data');
  const onPlaneClick = usePlaneClick(drawing ? tool : null);
  const toolbar = (
    <>
      {view.embed ? null : <LessonsButton />}
      {drawing ? <DrawTools tool={tool} onTool={setTool} /> : null}
      {isHidden(view, 'share') ? null : (
        <ShareToolbar view={classroom.mode === 'simple' ? { ...view, mode: 'simple' } : view} />
      )}
    </>
  );
  return (
    <>
      <App toolbar={toolbar} notices={<Notices />} hidden={hidden} {...(onPlaneClick ? { onPlaneClick } : {})} />
      {welcome ? <Welcome onClose={() => setWelcome(false)} /> : null}
    </>
  );
}
