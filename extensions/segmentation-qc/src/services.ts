/**
 * The few OHIF services SegQC uses, narrowed to the members it calls. OHIF's services manager is
 * untyped string look-ups; this adapter fails loudly at registration when a service is missing.
 */

export interface Subscription {
  unsubscribe(): void;
}

interface PubSub<Events extends string> {
  EVENTS: Record<Events, string>;
  subscribe(event: string, callback: (payload: unknown) => void): Subscription;
}

/** OHIF's naturalized DICOM instance metadata (DICOM JSON with keywords as keys). */
export type InstanceMetadata = Record<string, unknown>;

export interface DisplaySet {
  displaySetInstanceUID: string;
  SeriesInstanceUID: string;
  StudyInstanceUID: string;
  Modality: string;
  SeriesDescription?: string;
  SeriesDate?: string;
  SeriesNumber?: number | string;
  instance?: InstanceMetadata;
  instances?: InstanceMetadata[];
  /** The instances in the viewer's display order (OHIF ImageSet). */
  images?: InstanceMetadata[];
  /** cornerstone imageIds of the images, set once a viewport has shown the display set. */
  imageIds?: string[];
  isLoaded?: boolean;
  referencedDisplaySetInstanceUID?: string;
  load?: (options: { headers: Record<string, string> }) => Promise<void>;
}

export interface DisplaySetService extends PubSub<'DISPLAY_SETS_ADDED' | 'DISPLAY_SETS_CHANGED' | 'DISPLAY_SETS_REMOVED'> {
  getActiveDisplaySets(): DisplaySet[];
  getDisplaySetByUID(displaySetInstanceUID: string): DisplaySet | undefined;
}

/** A segment of a new labelmap, as OHIF's createLabelmapForDisplaySet takes it (keyed by segment index). */
export interface LabelmapSegmentConfig {
  segmentIndex: number;
  label: string;
  active: boolean;
  locked: boolean;
  cachedStats: Record<string, unknown>;
}

export interface SegmentationService extends PubSub<'SEGMENTATION_ADDED' | 'SEGMENTATION_MODIFIED' | 'SEGMENTATION_REMOVED' | 'SEGMENTATION_REPRESENTATION_MODIFIED' | 'SEGMENTATION_REPRESENTATION_REMOVED'> {
  addSegmentationRepresentation(viewportId: string, specifier: { segmentationId: string; type?: 'Labelmap' }): Promise<void>;
  /** A new, empty stack labelmap on the display set's images (which a viewport must have loaded); resolves to its id. */
  createLabelmapForDisplaySet(
    displaySet: DisplaySet,
    options: { segmentationId?: string; label: string; segments: Record<number, LabelmapSegmentConfig> },
  ): Promise<string>;
  /** RGBA, 0–255. */
  setSegmentColor(viewportId: string, segmentationId: string, segmentIndex: number, color: [number, number, number, number]): void;
  setActiveSegmentation(viewportId: string, segmentationId: string): void;
  setActiveSegment(segmentationId: string, segmentIndex: number): void;
  /** Removes the segmentation from the viewer's state (and so from every viewport). */
  remove(segmentationId: string): void;
  /** The segmentation in the viewer's (cornerstone's) state, undefined when there is none. */
  getSegmentation(segmentationId: string): unknown;
  removeRepresentationsFromViewport(viewportId: string, specifier: { segmentationId: string }): void;
  getSegmentationRepresentations(viewportId: string, specifier?: { segmentationId?: string }): Array<{ segmentationId: string }>;
  /** Moves the viewport to the segment's centre; the last argument turns the highlight flash on. */
  jumpToSegmentCenter(segmentationId: string, segmentIndex: number, viewportId: string, highlightAlpha: number, highlightSegment: boolean): void;
}

export interface ViewportGridService {
  getActiveViewportId(): string;
  getState(): { viewports: Map<string, { viewportId: string; displaySetInstanceUIDs?: string[] }> };
  getDisplaySetsUIDsForViewport(viewportId: string): string[] | undefined;
  setDisplaySetsForViewport(update: { viewportId: string; displaySetInstanceUIDs: string[] }): void;
}

export interface CornerstoneViewportService extends PubSub<'VIEWPORT_DATA_CHANGED'> {
  getCornerstoneViewport(viewportId: string): unknown;
}

export interface UINotificationService {
  show(notification: { title: string; message: string; type: 'error' | 'warning' | 'info' | 'success'; duration?: number }): void;
}

/** The signed-in user as OHIF's OIDC login keeps it (an oidc-client User; only the profile is read). */
export interface AuthenticatedUser {
  profile?: { iss?: string; sub?: string; name?: string; preferred_username?: string; given_name?: string; family_name?: string };
}

export interface UserAuthenticationService {
  getAuthorizationHeader(): Record<string, string> | undefined;
  /** Nothing (undefined or null) when no one is signed in, e.g. a viewer without OIDC. */
  getUser?(): AuthenticatedUser | null | undefined;
}

export interface SegqcServices {
  displaySetService: DisplaySetService;
  segmentationService: SegmentationService;
  viewportGridService: ViewportGridService;
  cornerstoneViewportService: CornerstoneViewportService;
  uiNotificationService: UINotificationService;
  userAuthenticationService: UserAuthenticationService;
  /** The tool groups whose brush radius the SOP sets (annotate mode). */
  toolGroupService: ToolGroupService;
  /** Re-evaluated after the brush radius is set, so OHIF's radius slider shows it. */
  toolbarService: ToolbarService;
}

export interface ToolGroupService {
  getToolGroupIds(): string[] | undefined;
}

export interface ToolbarService {
  refreshToolbarState(props: { toolGroupId: string }): void;
}

export interface ServicesManager {
  services: Record<string, unknown>;
}

const REQUIRED: Array<keyof SegqcServices> = [
  'displaySetService',
  'segmentationService',
  'viewportGridService',
  'cornerstoneViewportService',
  'uiNotificationService',
  'userAuthenticationService',
  'toolGroupService',
  'toolbarService',
];

export class MissingServiceError extends Error {
  override readonly name = 'MissingServiceError';
}

export function getSegqcServices(servicesManager: ServicesManager): SegqcServices {
  const missing = REQUIRED.filter((name) => !servicesManager.services[name]);
  if (missing.length > 0) throw new MissingServiceError(`SegQC needs the OHIF services ${missing.join(', ')}, which this viewer does not provide`);
  return servicesManager.services as unknown as SegqcServices;
}
