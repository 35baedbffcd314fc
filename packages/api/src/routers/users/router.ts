import { router } from "../../trpc";
import { cancelDeletion } from "./cancel-deletion";
import { changeEmail } from "./change-email";
import { getMe } from "./get-me";
import { getUser } from "./get-user";
import { removeAvatar } from "./remove-avatar";
import { requestDeletion } from "./request-deletion";
import { searchUsers } from "./search-users";
import { setAvatar } from "./set-avatar";
import { updateMe } from "./update-me";

export const usersRouter = router({
  me: getMe,
  updateMe,
  search: searchUsers,
  get: getUser,
  requestDeletion,
  cancelDeletion,
  setAvatar,
  removeAvatar,
  changeEmail,
});
