import { type ActualLabel, type ActualMilestone, snapshotSchema } from "../../model/actual.js";
import { keyOf } from "../../model/markers.js";
import { github, isStatus } from "../errors.js";
import type { LabelFields, MilestoneFields } from "../gateway.js";
import { PAGE, parseAnswer, type Repository } from "./context.js";
import { createOnce, NO_BLIND_RETRY } from "./create-once.js";

/** Every label of the repository: one listing. */
export function listLabels(repository: Repository) {
  const { client, params } = repository;
  return github(repository.repo, "read labels", () =>
    client.paginate(client.rest.issues.listLabelsForRepo, { ...params, per_page: PAGE }),
  );
}

/** Every milestone, open or closed: one listing. */
export function listMilestones(repository: Repository) {
  const { client, params } = repository;
  return github(repository.repo, "read milestones", () =>
    client.paginate(client.rest.issues.listMilestones, { ...params, state: "all", per_page: PAGE }),
  );
}

export async function createLabel(repository: Repository, fields: LabelFields): Promise<ActualLabel> {
  const { client, params } = repository;
  const label = await createOnce(
    repository,
    `create label "${fields.name}"`,
    () => findLabel(repository, fields.name),
    async () => {
      const { data } = await client.rest.issues.createLabel({ ...params, ...fields, ...NO_BLIND_RETRY });
      return data;
    },
  );
  // Found rather than made (made meanwhile, or by an earlier attempt): make it what we want.
  const same = label.color.toLowerCase() === fields.color && (label.description ?? "") === fields.description;
  return same
    ? label
    : updateLabel(repository, label.name, { color: fields.color, description: fields.description });
}

export function updateLabel(
  repository: Repository,
  name: string,
  fields: Partial<LabelFields>,
): Promise<ActualLabel> {
  const { client, params } = repository;
  const { name: newName, ...rest } = fields;
  return github(repository.repo, `update label "${name}"`, async () => {
    const { data } = await client.rest.issues.updateLabel({
      ...params,
      name,
      ...(newName !== undefined && newName !== name ? { new_name: newName } : {}),
      ...rest,
    });
    return data;
  });
}

export function createMilestone(
  repository: Repository,
  key: string,
  fields: MilestoneFields,
): Promise<ActualMilestone> {
  const { client, params } = repository;
  const action = `create milestone ${key}`;
  return createOnce(
    repository,
    action,
    () => findMilestone(repository, key, fields.title),
    async () => {
      const { data } = await client.rest.issues.createMilestone({ ...params, ...fields, ...NO_BLIND_RETRY });
      return milestoneOf(repository, action, data);
    },
  );
}

export function updateMilestone(
  repository: Repository,
  number: number,
  fields: Partial<MilestoneFields>,
): Promise<ActualMilestone> {
  const { client, params } = repository;
  const action = `update milestone #${number}`;
  return github(repository.repo, action, async () => {
    const { data } = await client.rest.issues.updateMilestone({
      ...params,
      milestone_number: number,
      ...fields,
    });
    return milestoneOf(repository, action, data);
  });
}

function milestoneOf(repository: Repository, action: string, data: unknown): ActualMilestone {
  return parseAnswer(repository, action, snapshotSchema, { milestones: [data] })
    .milestones[0] as ActualMilestone;
}

async function findLabel(repository: Repository, name: string): Promise<ActualLabel | undefined> {
  const { client, params } = repository;
  try {
    const { data } = await client.rest.issues.getLabel({ ...params, name });
    return data;
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

async function findMilestone(
  repository: Repository,
  key: string,
  title: string,
): Promise<ActualMilestone | undefined> {
  const milestones = await listMilestones(repository);
  const parsed = parseAnswer(repository, "read milestones", snapshotSchema, { milestones }).milestones;
  return (
    parsed.find((milestone) => keyOf(milestone.description) === key) ??
    parsed.find((milestone) => milestone.title === title)
  );
}
