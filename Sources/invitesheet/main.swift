print("invitesheet")
